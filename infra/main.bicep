// FACT Board in Azure: one resource group holding
//   - a Storage account with the board's tables (Table API, Entra ID auth only, no shared keys),
//   - a user-assigned managed identity: the server's storage identity and the bot's identity,
//   - an App Service (Linux, Node 20 LTS) running the server, which also serves the built tab,
//   - an Azure Bot bound to the managed identity, with the Teams channel,
//   - Application Insights on a Log Analytics workspace.
// Deployed by `teamsapp provision` (arm/deploy) with infra/main.parameters.json, whose ${{…}}
// placeholders come from env/.env.<environment>. No secret is passed in or stored anywhere.
targetScope = 'resourceGroup'

@description('Base of every resource name: letters and digits, e.g. factboard plus the environment.')
@minLength(4)
@maxLength(16)
param resourceBaseName string

@description('Azure region. Keep it in the EU/EEA (e.g. swedencentral) for health and social care data.')
param location string = resourceGroup().location

@description('Client id of the Entra app registration the tab SSO token is issued for (aadApp/create writes AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('The Teams app id from the manifest (for deep links from cards to the board tab).')
param teamsAppId string

@description('App Service plan size. B1 carries one FACT team; choose P0v3 or larger for several teams or zone redundancy.')
param appServiceSku string = 'B1'

@description('Storage redundancy. ZRS keeps three copies across availability zones in the region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Local time zone of the team (IANA name).')
param timeZone string = 'Europe/Stockholm'

@description('When the morning brief is posted on working days, local time HH:MM.')
param morningBriefAt string = '07:45'

@description('How often the server looks for due reminders, deadlines and cover timeouts, in seconds.')
@minValue(1)
@maxValue(3600)
param jobsPollSeconds int = 30

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Prefix on every table name, so several installs can share one account. Letters and digits only; empty for none.')
param tablePrefix string = ''

// The tables the server's storage layer uses (bot/src/storage/table-names.ts). tests/infra checks the two lists agree.
var tableNames = [
  'Boards'
  'Organisations'
  'Members'
  'MemberBoards'
  'Participants'
  'BoardEntries'
  'EntryHistory'
  'Consents'
  'Escalations'
  'Absences'
  'CheckIns'
  'Walkthroughs'
  'SinceLastNotes'
  'RaisedParticipants'
  'Contacts'
  'Interventions'
  'AuditLog'
  'BoardVersions'
  'DueItems'
  'LogReviews'
  'JoinRequests'
  'AdminAudit'
  'ConversationReferences'
  'SentCards'
  'RequestKeys'
  'Studies'
]

// Globally unique names (storage account, web app, bot) get a short token derived from the resource group.
var token = take(uniqueString(subscription().id, resourceGroup().id, resourceBaseName), 6)
var baseName = toLower(resourceBaseName)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${baseName}'
    location: location
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${baseName}${token}', 24)
    location: location
    sku: storageSku
    tableNames: [for t in tableNames: '${tablePrefix}${t}']
    tableDataPrincipalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
  }
}

module web 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    name: 'app-${baseName}-${token}'
    location: location
    sku: appServiceSku
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    aadAppClientId: aadAppClientId
    storageTableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    tablePrefix: tablePrefix
    timeZone: timeZone
    morningBriefAt: morningBriefAt
    jobsPollSeconds: jobsPollSeconds
    logLevel: logLevel
    teamsAppId: teamsAppId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${token}'
    displayName: 'FACT-tavla'
    messagingEndpoint: 'https://${web.outputs.hostName}/api/messages'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
  }
}

// Written to env/.env.<environment> by arm/deploy; the manifest and the deploy step read them.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.resourceId
output TAB_DOMAIN string = web.outputs.hostName
output TAB_ENDPOINT string = 'https://${web.outputs.hostName}'
output BOT_ID string = identity.outputs.clientId
