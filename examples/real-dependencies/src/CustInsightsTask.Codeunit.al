// The page background task of "Cust Card Insights": reads the customer and its ledger entries (a FlowField and
// a count) in a read-only child session and hands the figures back to the Customer Card.
codeunit 50100 "Cust Insights Task"
{
    trigger OnRun()
    var
        Customer: Record Customer;
        CustLedgerEntry: Record "Cust. Ledger Entry";
        Params: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
    begin
        Params := Page.GetBackgroundParameters();
        Customer.Get(Params.Get('CustomerNo'));
        Customer.CalcFields("Balance (LCY)");
        CustLedgerEntry.SetRange("Customer No.", Customer."No.");
        CustLedgerEntry.SetRange(Open, true);
        Results.Add('OpenEntries', Format(CustLedgerEntry.Count()));
        Results.Add('Balance', Format(Customer."Balance (LCY)"));
        Page.SetBackgroundTaskResult(Results);
    end;
}
