pageextension 50102 "Contoso Customer Card" extends "Customer Card"
{
    layout
    {
        addafter(Name)
        {
            field("Contoso Code"; Rec."Contoso Code") { ApplicationArea = All; }
        }
        modify("Phone No.") { Visible = false; }
        moveafter("Post Code"; City)
    }
    actions
    {
        addlast(Processing)
        {
            action(ContosoAction) { }
        }
    }
}

tableextension 50103 "Contoso Customer" extends Customer
{
    fields
    {
        field(50100; "Contoso Code"; Code[10]) { DataClassification = CustomerContent; }
    }
}

enumextension 50104 "Contoso Type Ext" extends "Contoso Item Type"
{
    value(50100; Special) { Caption = 'Special'; }
}

pagecustomization "Contoso Customization" customizes "Customer List"
{
    layout
    {
        movefirst(Control1; "No.", Name)
    }
}

reportextension 50105 "Contoso Report Ext" extends "Customer - List"
{
    dataset
    {
        add(Customer)
        {
            column(ContosoCode; "Contoso Code") { }
        }
    }
}

permissionsetextension 50106 "Contoso Perm Ext" extends "D365 BASIC"
{
    Permissions = tabledata "Contoso Item" = RIMD;
}

profileextension "Contoso Profile Ext" extends "ORDER PROCESSOR"
{
    Caption = 'Contoso';
}
