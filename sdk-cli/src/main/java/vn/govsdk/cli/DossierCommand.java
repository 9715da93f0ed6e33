package vn.govsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.dataexchange.internal.portal.PortalJsonCodec;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.DossierSummary;
import vn.govsdk.dataexchange.portal.DossierSyncResult;

/** {@code govsdk dossier sync FILE | status CODE}: dossiers on the portal. */
@Command(name = "dossier", mixinStandardHelpOptions = true,
        description = "Dossiers (hồ sơ) on the national public-service portal (DVCQG).",
        subcommands = {DossierCommand.SyncCommand.class, DossierCommand.StatusCommand.class})
final class DossierCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code govsdk dossier sync FILE}. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Validate a dossier (JSON file) and sync it (TraCuuHoSo, then DongBoHoSoMC).",
                    "Members: code, procedureCode, procedureName, fieldCode, fieldName, summary, processingUnit,",
                    "receivedAt, dueAt (ISO-8601 with offset), status (name or 1..10), channel (IN_PERSON|ONLINE|POSTAL),",
                    "applicant {type CITIZEN|BUSINESS, name, identifier, email, phone}, fees [{name, code, amountVnd, kind FEE|CHARGE}]."})
    static final class SyncCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Parameters(paramLabel = "FILE", description = "JSON file of the dossier")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Dossier dossier;
            try {
                dossier = PortalJsonCodec.decodeDossier(PortalConnection.read(file));
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + file + ": " + e.getMessage());
                return GovSdkCommand.USAGE;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
            try (PortalConnection.Open open = connection.open()) {
                DossierSyncResult r = open.client.syncDossier(dossier);
                out.println((r.created() ? "created " : "updated ") + r.dossierCode() + " (status "
                        + dossier.status().code() + " " + dossier.status().label() + ")");
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
        }
    }

    /** {@code govsdk dossier status CODE}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the portal holds for a dossier (TraCuuHoSo).")
    static final class StatusCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Parameters(paramLabel = "CODE", description = "the dossier code (MaHoSo)")
        String code;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PortalConnection.Open open = connection.open()) {
                var found = open.client.findDossier(code);
                if (found.isEmpty()) {
                    out.println(code + ": not known to the portal");
                    return GovSdkCommand.NEGATIVE;
                }
                DossierSummary s = found.get();
                out.println(s.code() + ": status " + s.rawStatus() + " "
                        + s.status().map(DossierStatus::label).orElse("(unknown code)") + ", procedure " + s.procedureCode()
                        + ", " + s.progressSteps() + " progress step(s)");
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
        }
    }

}
