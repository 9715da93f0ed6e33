package vn.govsdk.dataexchange.portal;

/**
 * What {@link PortalClient#syncDossier(Dossier)} did.
 *
 * @param dossierCode the dossier code
 * @param created true if the portal did not know the dossier ({@code isUpdating "False"}), false if it was updated
 * @param requestId the correlation id of the {@code DongBoHoSoMC} call
 */
public record DossierSyncResult(String dossierCode, boolean created, String requestId) {
}
