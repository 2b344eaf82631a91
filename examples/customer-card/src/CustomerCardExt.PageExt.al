// The page background task example from Microsoft's EnqueueBackgroundTask documentation, plus an action that
// starts a background session (StartSession) which blocks every customer.
pageextension 50100 CustomerCardExt extends "Customer Card"
{
    layout
    {
        addlast(Content)
        {
            group(BackgroundTask)
            {
                Caption = 'Page background task';

                field(Before1; before1)
                {
                    ApplicationArea = All;
                    Caption = 'Before 1';
                    Editable = false;
                }
                field(Duration1; duration1)
                {
                    ApplicationArea = All;
                    Caption = 'Duration 1';
                    Editable = false;
                }
                field(After1; after1)
                {
                    ApplicationArea = All;
                    Caption = 'After 1';
                    Editable = false;
                }
            }
        }
    }

    actions
    {
        addlast(Processing)
        {
            action(BlockAllCustomers)
            {
                ApplicationArea = All;
                Caption = 'Block all customers in the background';
                Image = Lock;

                trigger OnAction()
                var
                    BackgroundSessionId: Integer;
                begin
                    // Ok only says the session started; its outcome shows in the Session Event table.
                    if not StartSession(BackgroundSessionId, Codeunit::"Block All Customers") then
                        Error('The background session could not be started.');
                    Message('Blocking customers in background session %1.', BackgroundSessionId);
                end;
            }
        }
    }

    var
        // Global variable used for the TaskID
        WaitTaskId: Integer;
        // Variables for the three fields on the page
        before1: Text;
        duration1: Text;
        after1: Text;

    trigger OnAfterGetRecord()
    var
        // Defines a variable for passing parameters to the background task
        TaskParameters: Dictionary of [Text, Text];
    begin
        // Adds a key-value pair to the parameters dictionary
        TaskParameters.Add('Wait', '1000');

        // Enqueues the page background task. On a Card page OnAfterGetRecord runs once per record shown.
        CurrPage.EnqueueBackgroundTask(WaitTaskId, 50100, TaskParameters, 10000, PageBackgroundTaskErrorLevel::Warning);
    end;

    trigger OnPageBackgroundTaskCompleted(TaskId: Integer; Results: Dictionary of [Text, Text])
    begin
        if TaskId <> WaitTaskId then
            exit;
        before1 := Results.Get('started');
        duration1 := Results.Get('waited');
        after1 := Results.Get('finished');
    end;

    trigger OnPageBackgroundTaskError(TaskId: Integer; ErrorCode: Text; ErrorText: Text; ErrorCallStack: Text; var IsHandled: Boolean)
    begin
        // Leave IsHandled false: the client shows the error as a notification (Warning level).
        if TaskId = WaitTaskId then
            before1 := 'Task failed: ' + ErrorCode;
    end;
}
