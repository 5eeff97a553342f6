// The server: one Node process on App Service (Linux) answering Teams' bot traffic at /api/messages,
// the tab's API under /api/ and the built tab under /tab/. The app settings below are the
// environment variables of bot/src/config.ts; tests/infra/consistency.test.ts checks they match.
param name string
param location string
param sku string
param identityResourceId string
param identityClientId string
param identityTenantId string
param aadAppClientId string
param storageTableEndpoint string
param applicationInsightsConnectionString string
param tablePrefix string
param timeZone string
param morningBriefAt string
param jobsPollSeconds int
param logLevel string
param teamsAppId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The built server; `teamsapp deploy` uploads the built workspaces with production dependencies.
      appCommandLine: 'node bot/dist/main.js'
      alwaysOn: true // the jobs loop (reminders, cover timeouts, morning brief) must keep running
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

// No FTP publishing credentials; deployments go through the toolkit's zip deploy.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// A separate resource because the values need the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    LOG_LEVEL: logLevel
    STORAGE_TABLE_ENDPOINT: storageTableEndpoint
    TABLE_PREFIX: tablePrefix
    ENTRA_CLIENT_ID: aadAppClientId
    ENTRA_APP_ID_URI: 'api://${site.properties.defaultHostName}/${aadAppClientId}'
    BOT_ID: identityClientId
    BOT_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: identityTenantId
    TIME_ZONE: timeZone
    MORNING_BRIEF_AT: morningBriefAt
    JOBS_POLL_SECONDS: string(jobsPollSeconds)
    TEAMS_APP_ID: teamsAppId
    TRUST_PROXY_HOPS: '1' // App Service's front end: the per-address rate limits need the client's address
    // Read by libraries and the platform, not by config.ts:
    AZURE_CLIENT_ID: identityClientId // DefaultAzureCredential picks the user-assigned identity
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3' // App Service's Node.js auto-instrumentation
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false' // the package is built before upload
  }
}

output resourceId string = site.id
output hostName string = site.properties.defaultHostName
