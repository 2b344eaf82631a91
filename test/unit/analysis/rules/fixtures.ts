// Small AL objects shared by the rule tests (written for these tests; no Microsoft code).
export const customerTable = `table 18 Customer
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Name; Text[100]) { }
        field(3; Balance; Decimal) { }
    }

    procedure Touch()
    begin
        Rec.Name := 'x';
        Modify();
    end;
}
`;

export const taskCodeunit = `codeunit 50100 "Calc Task"
{
    trigger OnRun()
    var
        Results: Dictionary of [Text, Text];
    begin
        Results.Add('total', '1');
        Page.SetBackgroundTaskResult(Results);
    end;
}
`;

export function page(body: string, pageType = 'Card', extra = ''): string {
  return `page 50110 "Test Page"
{
    PageType = ${pageType};
    SourceTable = Customer;
${extra}
    layout
    {
        area(Content)
        {
            field(Name; Rec.Name)
            {
                trigger OnValidate()
                begin
                end;
            }
        }
    }

    var
        TaskId: Integer;

${body}
}
`;
}

export const completed = `    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
    end;
`;
