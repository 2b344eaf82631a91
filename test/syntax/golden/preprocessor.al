#pragma warning disable AA0005
codeunit 50140 "Contoso Preprocessor"
{
#region Fields
#if CLEAN24
    var
        NewField: Integer;
#elif not CLEAN23 and (LEGACY or OTHER)
    var
        LegacyField: Integer;
#else
    var
        OldField: Integer;
#endif
#endregion

    procedure Run()
    begin
#if not CLEAN24
        if OldField = 0 then begin
#else
        if NewField = 0 then begin
#endif
            Message('x');
        end;
    end;
#if UNDEFINED_SYMBOL
    procedure Gone()
    begin
        this is not even AL {{{
    end;
#endif
}
#pragma warning restore AA0005
