// A page background task that tries to write: page background tasks run in a read-only child session, so the
// Modify must fail (used by "Customer Card Task Tests").
codeunit 50122 "Customer Writer Task"
{
    trigger OnRun()
    var
        Customer: Record Customer;
    begin
        if Customer.FindFirst() then begin
            Customer.City := 'Changed by a background task';
            Customer.Modify();
        end;
    end;
}
