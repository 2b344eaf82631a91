codeunit 50150 "Contoso Broken"
{
    procedure First()
    begin
        x := ;
        if then
        Foo(1, ;
    end;

    procedure Second()
    begin
        Message('still parsed');
    end;

    procedure Third()
    begin
        y := 1
        z := 2;
    }
