namespace Contoso.Sales.Posting;

using Microsoft.Sales.Customer;
using Microsoft.Sales.Document;

/// <summary>
/// Posts things.
/// </summary>
codeunit 50100 "Contoso Posting" implements "IPosting", Contoso.IOther
{
    Access = Internal;
    Permissions = tabledata Customer = rimd, tabledata "Sales Header" = R;
    SingleInstance = true;

    trigger OnRun()
    var
        Customer: Record Customer temporary;
        Names: array[10] of Text[50];
        Counts: Dictionary of [Code[20], Decimal];
        Items: List of [Text];
    begin
        Customer.Get('10000');
        Names[1] := Customer.Name;
    end;

    var
        GlobalCounter: Integer;
        ConfirmQst: Label 'Post %1?', Comment = '%1 = document number', Locked = false, MaxLength = 100;
        StatusOpt: Option " ",Open,"In Progress",Closed;
        DotNetArray: DotNet Array;

    protected var
        ProtectedValue: Decimal;

    /// Runs the posting.
    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Sales-Post", 'OnAfterPostSalesDoc', '', false, false)]
    local procedure OnAfterPost(var SalesHeader: Record "Sales Header"; CommitIsSuppressed: Boolean)
    begin
    end;

    [IntegrationEvent(false, false)]
    internal procedure OnBeforeSomething(Value: Integer): Boolean
    begin
        exit(true);
    end;

    procedure Compute(A: Integer; B: Integer) Result: Integer
    begin
        Result := this.Helper(A) + B;
    end;

    local procedure Helper(A: Integer): Integer;
    begin
        exit(A * 2);
    end;
}
