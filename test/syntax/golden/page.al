page 50101 "Contoso Item Card"
{
    PageType = Card;
    SourceTable = "Contoso Item";
    UsageCategory = Administration;

    layout
    {
        area(Content)
        {
            group(General)
            {
                Caption = 'General';
                field("No."; Rec."No.")
                {
                    ApplicationArea = All;
                    ToolTip = 'Specifies the number.';
                }
                field(Description; Rec.Description) { }
                field(TotalAmount; GetTotal()) { Editable = false; }
            }
            part(Lines; "Contoso Item Lines")
            {
                SubPageLink = "Item No." = field("No.");
            }
            usercontrol(Viewer; "Contoso Viewer")
            {
                trigger Ready()
                begin
                end;
            }
        }
        area(FactBoxes)
        {
            systempart(Links; Links) { }
        }
    }

    actions
    {
        area(Processing)
        {
            action(Post)
            {
                Caption = 'Post';
                Image = Post;

                trigger OnAction()
                begin
                    CurrPage.Update(false);
                end;
            }
        }
        area(Promoted)
        {
            actionref(Post_Promoted; Post) { }
        }
    }

    trigger OnOpenPage()
    begin
        CurrPage.EnqueueBackgroundTask(TaskId, Codeunit::"Contoso Task", Params, 10000, PageBackgroundTaskErrorLevel::Warning);
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
    end;

    trigger Viewer::Ready()
    begin
    end;

    var
        TaskId: Integer;
        Params: Dictionary of [Text, Text];

    local procedure GetTotal(): Decimal
    begin
        exit(0);
    end;
}
