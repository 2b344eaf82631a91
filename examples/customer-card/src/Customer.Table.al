// A small stand-in for the base application's Customer table (Microsoft's symbols are not available here).
table 18 Customer
{
    Caption = 'Customer';
    DataClassification = CustomerContent;
    LookupPageId = "Customer Card";

    fields
    {
        field(1; "No."; Code[20])
        {
            Caption = 'No.';
        }
        field(2; Name; Text[100])
        {
            Caption = 'Name';
        }
        field(7; City; Text[30])
        {
            Caption = 'City';
        }
        field(39; Blocked; Enum "Customer Blocked")
        {
            Caption = 'Blocked';
        }
        field(59; "Credit Limit (LCY)"; Decimal)
        {
            Caption = 'Credit Limit (LCY)';
        }
    }

    keys
    {
        key(PK; "No.")
        {
            Clustered = true;
        }
        key(Name; Name)
        {
        }
    }

    trigger OnInsert()
    begin
        if "No." = '' then
            Error('Customer No. must have a value.');
    end;
}
