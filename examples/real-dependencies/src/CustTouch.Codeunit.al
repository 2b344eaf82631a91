// Started with StartSession: validates and modifies the customer it is given, so the background session's
// Modify runs through Base Application's Customer table triggers (OnValidate of "Search Name", OnModify).
codeunit 50101 "Cust Touch"
{
    TableNo = Customer;

    trigger OnRun()
    var
        Customer: Record Customer;
    begin
        Customer.Get(Rec."No.");
        Customer.Validate("Search Name", 'INSIGHTS ' + Customer."No.");
        Customer.Modify(true);
    end;
}
