codeunit 50150 "Contextual Names"
{
    var
        Array: array[2] of Integer;
        Key: Text;

    procedure ToJson() Array: JsonArray
    var
        Value: JsonValue;
        Layout: Text;
    begin
        Value.SetValue(Layout);
        Array.Add(Value);
        exit(Array);
    end;

    procedure Fields(Temporary: Boolean; var Event: Integer) Internal: Boolean
    begin
        Internal := Temporary and (Event > 0);
    end;
}
