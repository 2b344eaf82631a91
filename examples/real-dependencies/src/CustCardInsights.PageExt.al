// Extends Base Application's "Customer Card" (page 21): a task per customer shown, its figures in two fields.
pageextension 50100 "Cust Card Insights" extends "Customer Card"
{
    layout
    {
        addlast(General)
        {
            field(InsightsOpenEntries; OpenEntries)
            {
                ApplicationArea = All;
                Caption = 'Open Entries (insights)';
                Editable = false;
            }
            field(InsightsBalance; BalanceText)
            {
                ApplicationArea = All;
                Caption = 'Balance (insights)';
                Editable = false;
            }
        }
    }

    trigger OnAfterGetCurrRecord()
    var
        Params: Dictionary of [Text, Text];
    begin
        Params.Add('CustomerNo', Rec."No.");
        CurrPage.EnqueueBackgroundTask(InsightsTaskId, Codeunit::"Cust Insights Task", Params, 20000, PageBackgroundTaskErrorLevel::Warning);
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        if TaskId <> InsightsTaskId then
            exit;
        OpenEntries := Results.Get('OpenEntries');
        BalanceText := Results.Get('Balance');
    end;

    var
        InsightsTaskId: Integer;
        OpenEntries: Text;
        BalanceText: Text;
}
