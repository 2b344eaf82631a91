table 50100 "Contoso Item"
{
    Caption = 'Contoso Item';
    DataClassification = CustomerContent;
    LookupPageId = "Contoso Item List";

    fields
    {
        field(1; "No."; Code[20])
        {
            Caption = 'No.';
            NotBlank = true;

            trigger OnValidate()
            begin
                if "No." <> xRec."No." then
                    TestField(Description);
            end;
        }
        field(2; Description; Text[100]) { }
        field(3; Type; Enum "Contoso Item Type") { InitValue = Inventory; }
        field(4; Status; Option)
        {
            OptionMembers = Open,Released,"Pending Approval";
            OptionCaption = 'Open,Released,Pending Approval';
        }
        field(5; "Customer No."; Code[20])
        {
            TableRelation = Customer."No." where(Blocked = const(" "), "Country Code" = filter(<> 'US'));
        }
        field(6; Amount; Decimal)
        {
            FieldClass = FlowField;
            CalcFormula = sum("Cust. Ledger Entry".Amount where("Customer No." = field("Customer No.")));
            DecimalPlaces = 0 : 5;
        }
        field(7; Page; Integer) { }
    }

    keys
    {
        key(PK; "No.") { Clustered = true; }
        key(Key2; Description, Type) { }
    }

    fieldgroups
    {
        fieldgroup(DropDown; "No.", Description) { }
    }

    trigger OnInsert()
    begin
        if Description = '' then
            Description := "No.";
    end;
}
