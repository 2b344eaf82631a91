report 50120 "Contoso List"
{
    DefaultRenderingLayout = Layout1;

    dataset
    {
        dataitem(Item; "Contoso Item")
        {
            RequestFilterFields = "No.", Type;
            DataItemTableView = sorting("No.") order(descending) where(Type = const(Inventory));
            column(No; "No.") { IncludeCaption = true; }
            column(Desc; Description + ' ' + Format(Amount)) { }
            dataitem(Lines; "Contoso Line")
            {
                DataItemLink = "Item No." = field("No.");
                trigger OnPreDataItem()
                begin
                    SetRange(Quantity, 1, 10);
                end;
            }
            trigger OnAfterGetRecord()
            begin
                if Amount = 0 then
                    CurrReport.Skip();
            end;
        }
    }

    requestpage
    {
        layout
        {
            area(Content)
            {
                field(ShowDetails; ShowDetails) { ApplicationArea = All; }
            }
        }
    }

    rendering
    {
        layout(Layout1)
        {
            Type = RDLC;
            LayoutFile = './ContosoList.rdlc';
        }
    }

    labels
    {
        TitleLbl = 'Items', Comment = 'Report title';
    }

    var
        ShowDetails: Boolean;
}

xmlport 50121 "Contoso Export"
{
    Format = VariableText;

    schema
    {
        textelement(Root)
        {
            tableelement(Item; "Contoso Item")
            {
                fieldattribute(No; Item."No.") { }
                fieldelement(Desc; Item.Description) { }
                textelement(Extra)
                {
                    trigger OnBeforePassVariable()
                    begin
                        Extra := 'x';
                    end;
                }
            }
        }
    }
}

query 50122 "Contoso Totals"
{
    QueryType = Normal;

    elements
    {
        dataitem(Item; "Contoso Item")
        {
            column(Type; Type) { }
            column(Total; Amount) { Method = Sum; }
            filter(No; "No.") { }
        }
    }
}
