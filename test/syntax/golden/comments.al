// A line comment before everything.
/* A block comment
   spanning lines, with { braces } and 'quotes' inside. */
codeunit 50160 "Contoso Comments" // trailing comment after the header
{
    /// <summary>
    /// Documented procedure.
    /// </summary>
    /// <param name="Value">The value.</param>
    procedure Documented(Value: Integer) /* inline block */ : Integer
    var
        Big: BigInteger; // comment after a declaration
    begin
        //// four slashes is a plain comment
        Big := 1 /* between tokens */ + 2;
        exit(Value);
    end;
}
