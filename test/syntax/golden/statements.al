codeunit 50130 "Contoso Statements"
{
    procedure All(var Rec: Record "Contoso Item")
    var
        i: Integer;
        Total: Decimal;
        Name: Text;
        Names: List of [Text];
        Continue: Boolean;
        Page: Integer;
    begin
        i := 0;
        i += 1;
        i -= 1;
        Total *= 2;
        Total /= 4;
        if i = 0 then
            i := 1
        else
            if i > 5 then begin
                i := 5;
            end else
                ;
        case Rec.Type of
            Rec.Type::Inventory:
                i := 1;
            Rec.Type::"Non-Inventory", Rec.Type::Service:
                begin
                    i := 2;
                end;
            1 .. 5, 7:
                ;
            else
                i := 3;
                i := 4;
        end;
        while i < 10 do
            i += 1;
        repeat
            i -= 1;
            if i = 3 then
                break;
        until i <= 0;
        for i := 1 to 10 do
            Total += i;
        for i := 10 downto 1 do begin
            if i = 5 then
                continue;
        end;
        foreach Name in Names do
            Message(Name);
        with Rec do
            Validate(Description, 'x');
        asserterror Error('boom');
        Continue := true;
        Page := 1;
        Page::"Contoso Item Card";
        Rec.FindSet();
        exit;
    end;
}
