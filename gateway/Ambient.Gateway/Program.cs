using Ambient.Gateway.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStorage(builder.Configuration);

var app = builder.Build();
app.Run();
