package vn.govsdk.cli.tour;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.dataexchange.payment.CallbackResult;
import vn.govsdk.dataexchange.payment.PaymentCallbackVerifier;
import vn.govsdk.dataexchange.payment.PaymentPlatformClient;
import vn.govsdk.dataexchange.payment.PaymentRequest;
import vn.govsdk.dataexchange.payment.PaymentStore;
import vn.govsdk.dataexchange.payment.PaymentTransaction;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.FeeKind;
import vn.govsdk.dataexchange.portal.PortalClient;
import vn.govsdk.dataexchange.portal.Procedure;
import vn.govsdk.dataexchange.portal.ProcedureSummary;
import vn.govsdk.dataexchange.portal.ProgressUpdate;
import vn.govsdk.dataexchange.portal.StatusUpdate;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.payment.PaymentPlatformService;
import vn.govsdk.testkit.portal.PortalService;

/**
 * Syncs a dossier to the mock portal, reports its progress, pays its fee through the mock payment
 * platform (whose signed callback is verified), and shows what the portal holds.
 */
final class DossierSyncStep implements TourStep {

    @Override
    public String name() {
        return "dossier";
    }

    @Override
    public String title() {
        return "Public-service portal (DVCQG): sync a dossier, report progress, pay its fee (PP DVCQG)";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws Exception {
        var platform = context.platform();
        try (HttpTransport transport = HttpTransport.create()) {
            PortalClient portal = PortalClient.builder().endpoint(platform.baseUrl(PortalService.PREFIX))
                    .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), PortalService.DSTCODE)
                    .unitCode("000.00.00.H99").httpClient(transport).build();
            ProcedureSummary first = portal.listProcedures().stream().findFirst().orElseThrow();
            Procedure procedure = portal.getProcedure(first.code());
            long fee = procedure.channel(Channel.IN_PERSON).flatMap(c -> c.times().stream().findFirst())
                    .flatMap(t -> t.fees().stream().findFirst()).flatMap(f -> f.amountVnd().isPresent()
                            ? java.util.Optional.of(f.amountVnd().getAsLong()) : java.util.Optional.empty())
                    .orElse(50_000L);
            out.println("  procedure " + procedure.code() + " " + procedure.name() + ", fee " + fee + " VND");

            SyntheticCitizen citizen = platform.data().citizen(7);
            Instant received = platform.clock().instant();
            String code = "000.00.00.H99-" + (received.getEpochSecond() % 1_000_000) + "-0001";
            Dossier dossier = Dossier.builder().code(code).procedureCode(procedure.code()).procedureName(procedure.name())
                    .fieldCode(procedure.fields().get(0).code()).fieldName(procedure.fields().get(0).name())
                    .applicant(new Applicant(ApplicantType.CITIZEN, citizen.fullName(), citizen.citizenId(),
                            TourContacts.email(citizen), TourContacts.phone(citizen)))
                    .summary("Hồ sơ " + procedure.name().toLowerCase(java.util.Locale.ROOT)).receivedAt(received)
                    .dueAt(received.plus(Duration.ofDays(5))).status(DossierStatus.ACCEPTED).channel(Channel.ONLINE)
                    .processingUnit("Ủy ban nhân dân phường thử nghiệm")
                    .addFee(new DossierFee("Lệ phí", "LP-" + procedure.code(), "Trực tuyến", fee, FeeKind.CHARGE)).build();
            out.println("  sync " + code + ": " + (portal.syncDossier(dossier).created() ? "created" : "updated")
                    + " for " + dossier.applicant());
            portal.reportProgress(ProgressUpdate.of(code, "Cán bộ tiếp nhận", received.plusSeconds(600),
                    "Chuyển phòng chuyên môn thẩm định", DossierStatus.PROCESSING));
            portal.reportStatus(new StatusUpdate(code, DossierStatus.FEES_DUE, received.plusSeconds(1200), null));
            out.println("  progress reported; status " + DossierStatus.FEES_DUE.code() + " " + DossierStatus.FEES_DUE.label());

            // The payments this application starts, which callbacks must match (PostgreSQL when several
            // instances receive callbacks; an embedded H2 file here).
            java.nio.file.Path storeDir = java.nio.file.Files.createTempDirectory("govsdk-tour-payments");
            PaymentStore started = PaymentStore.h2(storeDir);
            PaymentPlatformClient payments = PaymentPlatformClient.builder()
                    .endpoint(platform.baseUrl(PaymentPlatformService.PREFIX))
                    .partnerCode(PaymentPlatformService.PARTNER_CODE).hashKey(Secret.of(PaymentPlatformService.HASH_KEY))
                    .httpClient(transport).clock(platform.clock()).paymentStore(started).build();
            PaymentCallbackVerifier verifier = PaymentCallbackVerifier.builder()
                    .partnerCode(PaymentPlatformService.PARTNER_CODE).hashKey(Secret.of(PaymentPlatformService.HASH_KEY))
                    .clock(platform.clock()).paymentStore(started).build();
            PaymentTransaction tx = payments.startTransaction(new PaymentRequest(code, fee, "Le phi ho so " + code,
                    "127.0.0.1", code, procedure.code(), procedure.name(), "UBND phuong thu nghiem", citizen.fullName(),
                    List.of(new PaymentRequest.ReceiptFee("2", "LP-" + procedure.code(), "Lệ phí", fee))));
            out.println("  payment started: " + tx.paymentUrl());

            AtomicReference<CallbackResult> result = new AtomicReference<>();
            HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            receiver.createContext("/callback", exchange -> {
                CallbackResult r = verifier.verify(exchange.getRequestBody().readNBytes(PaymentCallbackVerifier.MAX_BODY_BYTES + 1));
                result.set(r);
                byte[] reply = r.replyJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            receiver.start();
            try {
                PaymentPlatformService mock = (PaymentPlatformService) platform.service(PaymentPlatformService.PREFIX).orElseThrow();
                URI callback = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
                var delivery = mock.citizenPaid(code, callback);
                CallbackResult r = result.get();
                out.println("  callback verified: " + (r.accepted() ? "accepted, paid " + r.payment().orElseThrow().amountVnd()
                        + " VND, transaction " + r.payment().orElseThrow().transactionId() : "refused " + r.rejection().orElseThrow()));
                out.println("  reply: " + delivery.reply());
                var replay = verifier.verify(delivery.body());
                out.println("  the same callback again: " + (replay.accepted() ? "accepted (!)" : "refused " + replay.rejection().orElseThrow()));
                if (!r.accepted() || replay.accepted()) {
                    throw new IllegalStateException("payment callback verification did not behave as expected");
                }
            } finally {
                receiver.stop(0);
                started.close();
                try (var files = java.nio.file.Files.list(storeDir)) {
                    for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                }
                java.nio.file.Files.deleteIfExists(storeDir);
            }
            portal.reportProgress(ProgressUpdate.of(code, "Cán bộ thẩm định", received.plusSeconds(3600),
                    "Đã thu lệ phí, tiếp tục giải quyết", DossierStatus.PROCESSING));
            portal.reportStatus(new StatusUpdate(code, DossierStatus.DONE, received.plusSeconds(7200), null));
            var summary = portal.findDossier(code).orElseThrow();
            out.println("  portal now holds " + code + ": status " + summary.rawStatus() + " "
                    + summary.status().map(DossierStatus::label).orElse("?") + ", " + summary.progressSteps() + " progress steps");
        }
    }
}
