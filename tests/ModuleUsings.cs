// Tests and the bench see every module's tables and contracts; the architecture tests keep modules apart, not these.
global using Lianxin.Web.Modules.Organizations.Contracts;
global using Lianxin.Web.Modules.Organizations.Data;
global using Lianxin.Web.Modules.Members.Contracts;
global using Lianxin.Web.Modules.Members.Data;
global using Lianxin.Web.Modules.Demands.Contracts;
global using Lianxin.Web.Modules.Demands.Data;
global using Lianxin.Web.Modules.Demands.Open311.Data;
global using Lianxin.Web.Modules.Pledges.Contracts;
global using Lianxin.Web.Modules.Pledges.Data;
global using Lianxin.Web.Modules.Reviews.Contracts;
global using Lianxin.Web.Modules.Reviews.Data;
global using Lianxin.Web.Modules.CoBuilding.Contracts;
global using Lianxin.Web.Modules.CoBuilding.Data;
global using Lianxin.Web.Modules.Volunteering.Contracts;
global using Lianxin.Web.Modules.Volunteering.Data;
