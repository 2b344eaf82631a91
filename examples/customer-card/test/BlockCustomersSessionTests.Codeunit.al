// A multi-session test: StartSession runs "Block All Customers" in a background session while the test waits for it.
// Sessions can start only in tests run without isolation (RequiredTestIsolation = Disabled, or the "Customer Card
// Test Runner" with TestIsolation = Disabled), so this test commits its data and puts back what it changed.
codeunit 50121 "Block Customers Session Tests"
{
    Subtype = Test;
    RequiredTestIsolation = Disabled;

    [Test]
    procedure BackgroundSessionBlocksEveryCustomer()
    var
        Customer: Record Customer;
        SessionId: Integer;
        Waited: Integer;
    begin
        // [GIVEN] two committed customers (a background session sees only committed data); nothing left by a run
        // that stopped half-way (without isolation its committed rows stay)
        Cleanup();
        CreateCustomer('T-SES-1');
        CreateCustomer('T-SES-2');
        Commit();
        // [WHEN] the background session runs and the test waits for it to end
        if not StartSession(SessionId, Codeunit::"Block All Customers") then
            Error('The background session did not start.');
        while IsSessionActive(SessionId) and (Waited < 60000) do begin
            Sleep(50);
            Waited += 50;
        end;
        if IsSessionActive(SessionId) then
            Error('Background session %1 still runs after 60 s.', SessionId);
        // [THEN] both customers are blocked
        Customer.Get('T-SES-1');
        if Customer.Blocked <> Customer.Blocked::All then
            Error('Customer T-SES-1 should be blocked by session %1.', SessionId);
        Customer.Get('T-SES-2');
        if Customer.Blocked <> Customer.Blocked::All then
            Error('Customer T-SES-2 should be blocked by session %1.', SessionId);
        Cleanup();
    end;

    [Test]
    procedure TwoSessionsRunSideBySide()
    var
        FirstSession: Integer;
        SecondSession: Integer;
        Waited: Integer;
    begin
        // [GIVEN] a committed customer
        Cleanup();
        CreateCustomer('T-SES-3');
        Commit();
        // [WHEN] two background sessions start one after the other
        StartSession(FirstSession, Codeunit::"Block All Customers");
        StartSession(SecondSession, Codeunit::"Block All Customers");
        // [THEN] they are different sessions, and both end
        if FirstSession = SecondSession then
            Error('Each StartSession should get its own session id.');
        while (IsSessionActive(FirstSession) or IsSessionActive(SecondSession)) and (Waited < 60000) do begin
            Sleep(50);
            Waited += 50;
        end;
        if IsSessionActive(FirstSession) or IsSessionActive(SecondSession) then
            Error('The background sessions still run after 60 s.');
        Cleanup();
    end;

    local procedure CreateCustomer(No: Code[20])
    var
        Customer: Record Customer;
    begin
        Customer."No." := No;
        Customer.Name := 'Session test ' + No;
        Customer.Insert(true);
    end;

    /// Without isolation nothing rolls back: the test customers go, and every customer is unblocked again.
    local procedure Cleanup()
    var
        Customer: Record Customer;
    begin
        Customer.SetFilter("No.", 'T-SES-*');
        Customer.DeleteAll();
        Customer.Reset();
        Customer.ModifyAll(Blocked, Customer.Blocked::" ");
        Commit();
    end;
}
