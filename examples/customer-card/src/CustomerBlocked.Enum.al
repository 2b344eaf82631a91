// A stand-in for the base application's "Customer Blocked" enum.
enum 18 "Customer Blocked"
{
    Extensible = true;

    value(0; " ") { Caption = ' '; }
    value(1; Ship) { Caption = 'Ship'; }
    value(2; Invoice) { Caption = 'Invoice'; }
    value(3; All) { Caption = 'All'; }
}
