codeunit 50131 "Contoso Expressions"
{
    procedure All(): Boolean
    var
        a, b : Integer;
        d: Date;
        t: Time;
        dt: DateTime;
        s: Text;
        r: Record "Contoso Item";
        I: Interface "IContoso Type";
    begin
        a := 1 + 2 * 3 - -4 div 2 mod 3;
        b := (a + 1) * 2;
        s := 'It''s' + @'verbatim
text';
        d := 20240131D;
        d := 0D;
        t := 235959T;
        dt := 0DT;
        if not (a in [1, 2 .. 5, 7]) and (b <> 0) or (a xor b) then;
        if (a >= 1) and (a <= 2) and (a < 3) and (a > 0) = true then;
        a := r."No.".Length;
        s := r.FieldCaption("No.");
        a := Database::"Contoso Item";
        r.Type := Enum::"Contoso Item Type"::Inventory;
        a := a.Substring(1)[2];
        s := a > 1 ? 'big' : 'small';
        if I is "IContoso Base" or (I as "IContoso Base").Ok() then;
        exit(a = 1.5);
    end;
}
