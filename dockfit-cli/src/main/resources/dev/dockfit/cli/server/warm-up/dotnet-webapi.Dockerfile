FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS restore
WORKDIR /src
# project files only: restore is cached until a reference changes
COPY ["Payments.sln", "Directory.Build.props", "./"]
COPY ["src/Payments.Api/Payments.Api.csproj", "src/Payments.Api/"]
COPY ["src/Payments.Domain/Payments.Domain.csproj", "src/Payments.Domain/"]
COPY ["tests/Payments.Tests/Payments.Tests.csproj", "tests/Payments.Tests/"]
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore Payments.sln -r linux-musl-x64

FROM restore AS publish
ARG CONFIGURATION=Release
ARG VERSION=0.0.0-local
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet test tests/Payments.Tests -c "$CONFIGURATION" --no-restore -r linux-musl-x64 \
    && dotnet publish src/Payments.Api -c "$CONFIGURATION" --no-restore -r linux-musl-x64 \
        --self-contained false -p:Version="$VERSION" -o /out

FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine
LABEL org.opencontainers.image.source="https://dev.azure.com/example/payments/_git/payments-api" \
      org.opencontainers.image.url="https://payments.example.com/swagger"
RUN apk add --no-cache icu-libs
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ASPNETCORE_HTTP_PORTS=8080
WORKDIR /app
COPY --from=publish /out .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Payments.Api.dll"]
