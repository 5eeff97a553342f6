// The one identity of the running app: the server reaches Table Storage with it (DefaultAzureCredential,
// AZURE_CLIENT_ID) and the Azure Bot authenticates as it (msaAppType UserAssignedMSI), so there is
// no storage key, connection string or bot password anywhere.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output resourceId string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
