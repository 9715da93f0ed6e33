package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.dataexchange.city.CitizenFeedbackClient;
import vn.govsdk.dataexchange.city.CityDossier;
import vn.govsdk.dataexchange.city.CityDossierClient;
import vn.govsdk.dataexchange.city.CivilRegistryClient;
import vn.govsdk.dataexchange.city.ExtractKind;
import vn.govsdk.dataexchange.city.ExtractReceipt;
import vn.govsdk.dataexchange.city.ExtractStatus;
import vn.govsdk.dataexchange.city.FeedbackCategory;
import vn.govsdk.dataexchange.city.FeedbackReport;
import vn.govsdk.dataexchange.city.FeedbackStatus;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.CitizenFeedbackService;
import vn.govsdk.testkit.city.CityDossierService;
import vn.govsdk.testkit.city.CivilRegistryService;
import vn.govsdk.testkit.city.OpenDataService;

/** Tour step: the city dossier search, a civil-registration extract and a hotline 1022 report. */
final class CityServicesStep implements TourStep {

    @Override
    public String name() {
        return "city";
    }

    @Override
    public String title() {
        return "Ho Chi Minh City services: dossier search (Keycloak digo), a birth extract (hộ tịch), a 1022 report";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        MockGovPlatform p = context.platform();
        CityDossierService dvc = (CityDossierService) p.service(CityDossierService.PREFIX).orElseThrow();
        try (CityDossierClient client = CityDossierClient.builder().endpoint(p.baseUrl(CityDossierService.PREFIX))
                .credentials(p.baseUrl(CityDossierService.TOKEN_PATH), CityDossierService.CLIENT_ID,
                        Secret.of(CityDossierService.CLIENT_SECRET)).build()) {
            CityDossier d = client.getDossier(dvc.dossierCode(3)).orElseThrow();
            out.println("  dossier-search/dvc?code=" + d.code() + " -> " + d.procedureName() + ", at \"" + d.currentStep()
                    + "\", applied " + d.appliedAt().toLocalDate());
        }
        try (CivilRegistryClient client = CivilRegistryClient.builder().endpoint(p.baseUrl(CivilRegistryService.PREFIX))
                .credentials(GatewayAuth.clientCredentials(p.baseUrl(CivilRegistryService.TOKEN_PATH),
                        CivilRegistryService.CLIENT_ID, Secret.of(CivilRegistryService.CLIENT_SECRET))).build()) {
            ExtractReceipt r = client.requestExtract(ExtractKind.BIRTH, p.data().citizen(12).citizenId(), "Bổ sung hồ sơ");
            ExtractStatus s = client.getExtractStatus(r.requestId());
            while (!s.state().isFinal()) {
                s = client.getExtractStatus(r.requestId());
            }
            out.println("  hotich/1.0/trichLuc " + r.requestId() + " -> " + s.state() + ": " + s.result().orElseThrow());
        }
        try (CitizenFeedbackClient client = CitizenFeedbackClient.builder().endpoint(p.baseUrl(CitizenFeedbackService.PREFIX))
                .credentials(GatewayAuth.clientCredentials(p.baseUrl(CitizenFeedbackService.TOKEN_PATH),
                        CitizenFeedbackService.CLIENT_ID, Secret.of(CitizenFeedbackService.CLIENT_SECRET))).build()) {
            FeedbackStatus f = client.submit(FeedbackReport.builder().category(FeedbackCategory.LIGHTING)
                    .wardCode(OpenDataService.wardCodes().get(0)).location(10.7731, 106.7030)
                    .description("Đèn đường không sáng").build());
            out.println("  1022/1.0/phanAnh -> " + f.reportId() + " " + f.state() + "; status reads: "
                    + client.getStatus(f.reportId()).state() + ", " + client.getStatus(f.reportId()).state());
            try {
                FeedbackReport.builder().category(FeedbackCategory.LIGHTING).wardCode("2673")
                        .location(10.77, 106.70).description("x").build();
                throw new IllegalStateException("a four-digit ward code was accepted");
            } catch (InvalidInputException e) {
                out.println("  a malformed ward code is refused before any request: " + e.getMessage());
            }
        }
    }
}
