// The example's test runner without isolation (`al-session-lab test --runner 50129`): the tests that start background
// sessions need it, since under Codeunit or Function isolation StartSession fails.
codeunit 50129 "Customer Card Test Runner"
{
    Subtype = TestRunner;
    TestIsolation = Disabled;

    trigger OnRun()
    begin
        Codeunit.Run(Codeunit::"Customer Card Task Tests");
        Codeunit.Run(Codeunit::"Block Customers Session Tests");
    end;
}
