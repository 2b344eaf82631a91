#define LEGACY
codeunit 50141 "Contoso Define"
{
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
#undef LEGACY
#if LEGACY
    var Nope: Integer;
#endif
}
