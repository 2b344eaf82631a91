// Tests of the Customer Card's page background task (codeunit 50100 through the card extension): the task run directly
// with TestPage.RunPageBackgroundTask, the card opened so its own task runs and the completion trigger fills the fields,
// and the read-only child session refusing a write.
codeunit 50120 "Customer Card Task Tests"
{
    Subtype = Test;
    // The default runner's isolation: every test's changes roll back at the codeunit's end.
    RequiredTestIsolation = Codeunit;

    [Test]
    procedure TaskReportsWhatItWaited()
    var
        CustomerCard: TestPage "Customer Card";
        Parameters: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
    begin
        // [GIVEN] the card open on a new record (no record shown: the card's own task is not enqueued)
        CustomerCard.OpenNew();
        // [WHEN] the card's background task codeunit runs in a child session with a 50 ms wait
        Parameters.Add('Wait', '50');
        Results := CustomerCard.RunPageBackgroundTask(Codeunit::PBTWaitCodeunit, Parameters);
        // [THEN] it reports the wait it was given, and the times around it
        if Results.Get('waited') <> '50' then
            Error('The task should report waited = 50, got %1.', Results.Get('waited'));
        if not Results.ContainsKey('started') or not Results.ContainsKey('finished') then
            Error('The task should report started and finished.');
        CustomerCard.Close();
    end;

    [Test]
    procedure CompletionTriggerRunsWithTheResults()
    var
        CustomerCard: TestPage "Customer Card";
        Parameters: Dictionary of [Text, Text];
        Results: Dictionary of [Text, Text];
    begin
        // [GIVEN] the card is open on a customer (its OnAfterGetRecord enqueues the task; test pages run it at once)
        CreateCustomer('T-PBT-2');
        CustomerCard.OpenView();
        // [WHEN] the task runs again with its completion trigger (RunCompletionTriggers = true)
        Parameters.Add('Wait', '10');
        Results := CustomerCard.RunPageBackgroundTask(Codeunit::PBTWaitCodeunit, Parameters, true);
        // [THEN] the trigger had the results to copy into the fields
        if Results.Get('waited') <> '10' then
            Error('The completion trigger should get waited = 10, got %1.', Results.Get('waited'));
        CustomerCard.Close();
    end;

    [Test]
    procedure ReadOnlyChildRefusesAWrite()
    var
        CustomerCard: TestPage "Customer Card";
    begin
        // [GIVEN] a customer, and the card open on a new record
        CreateCustomer('T-PBT-3');
        CustomerCard.OpenNew();
        // [WHEN] a page background task tries to modify a customer
        asserterror CustomerCard.RunPageBackgroundTask(Codeunit::"Customer Writer Task");
        // [THEN] the read-only child session refuses it with the permission error
        if StrPos(GetLastErrorText(), 'Modify') = 0 then
            Error('The child session should refuse the Modify, but the error was: %1', GetLastErrorText());
        CustomerCard.Close();
    end;

    local procedure CreateCustomer(No: Code[20])
    var
        Customer: Record Customer;
    begin
        Customer."No." := No;
        Customer.Name := 'Test customer ' + No;
        Customer.Insert(true);
    end;
}
