# escape=`
# An ASP.NET Framework site on IIS. The escape directive makes ` the line continuation, so that
# Windows paths keep their backslashes.
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build
WORKDIR C:\src
COPY *.sln .
COPY Intranet.Web\*.csproj .\Intranet.Web\
COPY Intranet.Web\packages.config .\Intranet.Web\
RUN nuget restore

COPY Intranet.Web\. .\Intranet.Web\
WORKDIR C:\src\Intranet.Web
RUN msbuild /p:Configuration=Release /p:DeployOnBuild=true `
    /p:PublishProfile=FolderProfile /p:PublishUrl=C:\publish

FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN Remove-Website -Name 'Default Web Site'; `
    New-Item -Path 'C:\inetpub\intranet' -ItemType Directory | Out-Null; `
    New-Website -Name 'intranet' -Port 80 -PhysicalPath 'C:\inetpub\intranet'
RUN Install-WindowsFeature Web-Windows-Auth; `
    Set-WebConfigurationProperty -Filter /system.webServer/security/authentication/windowsAuthentication `
        -Name enabled -Value true -PSPath IIS:\ -Location 'intranet'
WORKDIR C:\inetpub\intranet
COPY --from=build C:\publish .
EXPOSE 80
HEALTHCHECK CMD powershell -command `
    try { `
        $response = iwr http://localhost/health -UseBasicParsing; `
        if ($response.StatusCode -eq 200) { return 0 } else { return 1 }; `
    } catch { return 1 }
