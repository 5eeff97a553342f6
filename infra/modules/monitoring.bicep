// Application Insights (workspace-based) for requests, failures and performance. The server logs
// no personal data (participants appear only as pseudonymous codes in the audit log, which is in
// Table Storage, not here), and client IP addresses are masked at ingestion.
param name string
param location string

@description('Days to keep telemetry. Operational data only; 30 days is enough to investigate incidents.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // false = IP masking on (the default), stated explicitly so nobody flips it unnoticed.
    DisableIpMasking: false
    RetentionInDays: retentionInDays
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output connectionString string = appInsights.properties.ConnectionString
