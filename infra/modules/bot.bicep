// The Azure Bot registration: Teams sends bot activities to the server's /api/messages, and the
// server authenticates to the Bot Connector as the user-assigned managed identity (no password).
// The identity lives in the Azure subscription's tenant, which must be the Microsoft 365 tenant
// that hosts the team (partners join that tenant as guests).
param name string
param displayName string
param messagingEndpoint string
param identityResourceId string
param identityClientId string
param identityTenantId string

@description('F0 is free; the Teams channel is a standard channel, so S1 buys nothing for this app.')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}
