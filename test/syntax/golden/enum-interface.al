enum 50110 "Contoso Item Type" implements "IContoso Type"
{
    Extensible = true;
    DefaultImplementation = "IContoso Type" = "Contoso Default Type";

    value(0; Inventory) { Caption = 'Inventory'; }
    value(1; "Non-Inventory")
    {
        Caption = 'Non-Inventory';
        Implementation = "IContoso Type" = "Contoso Non-Inventory Type";
    }
    value(2; and) { }
}

interface "IContoso Type" extends "IContoso Base"
{
    procedure Describe(): Text;
    procedure Validate(var Item: Record "Contoso Item")
    procedure Count(): Integer;
}

controladdin "Contoso Viewer"
{
    RequestedHeight = 300;
    Scripts = 'js/viewer.js', 'js/helper.js';
    StartupScript = 'js/startup.js';

    event Ready();
    event Clicked(Data: JsonObject)
    procedure Render(Html: Text);
}

dotnet
{
    assembly("mscorlib")
    {
        Version = '4.0.0.0';
        type("System.DateTime"; "DotNet DateTime") { }
    }
}

permissionset 50111 "Contoso Basic"
{
    Assignable = true;
    IncludedPermissionSets = "Contoso Read";
    Permissions = tabledata "Contoso Item" = RIMD,
                  table "Contoso Item" = X,
                  codeunit "Contoso Posting" = X;
}

profile "Contoso Profile"
{
    Caption = 'Contoso';
    RoleCenter = "Contoso Role Center";
}

entitlement "Contoso Entitlement"
{
    Type = Role;
    RoleType = Local;
    ObjectEntitlements = "Contoso Basic";
}
