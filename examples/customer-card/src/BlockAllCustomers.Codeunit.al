// The StartSession example: a background session that blocks every customer in its own transaction.
codeunit 50101 "Block All Customers"
{
    trigger OnRun()
    var
        Customer: Record Customer;
    begin
        if Customer.FindSet() then
            repeat
                Customer.Blocked := Customer.Blocked::All;
                Customer.Modify();
            until Customer.Next() = 0;
    end;
}
