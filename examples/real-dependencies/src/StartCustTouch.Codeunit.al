// Run by the scenario: starts "Cust Touch" in a background session for customer 10000.
codeunit 50102 "Start Cust Touch"
{
    trigger OnRun()
    var
        Customer: Record Customer;
        SessionId: Integer;
    begin
        Customer.Get('10000');
        if not StartSession(SessionId, Codeunit::"Cust Touch", CompanyName(), Customer) then
            Error('The background session could not start.');
    end;
}
