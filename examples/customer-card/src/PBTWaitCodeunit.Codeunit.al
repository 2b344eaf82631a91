// The page background task's codeunit: waits for the 'Wait' parameter's milliseconds and reports the times.
codeunit 50100 PBTWaitCodeunit
{
    trigger OnRun()
    var
        Result: Dictionary of [Text, Text];
        StartTime: Time;
        WaitTime: Integer;
        EndTime: Time;
    begin
        if not Evaluate(WaitTime, Page.GetBackgroundParameters().Get('Wait')) then
            Error('Could not parse the Wait parameter.');
        StartTime := System.Time();
        Sleep(WaitTime);
        EndTime := System.Time();
        Result.Add('started', Format(StartTime));
        Result.Add('waited', Format(WaitTime));
        Result.Add('finished', Format(EndTime));
        Page.SetBackgroundTaskResult(Result);
    end;
}
