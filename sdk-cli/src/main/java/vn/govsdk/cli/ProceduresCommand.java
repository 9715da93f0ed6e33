package vn.govsdk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.dataexchange.portal.Procedure;
import vn.govsdk.dataexchange.portal.ProcedureSummary;

/** {@code govsdk procedures list|show CODE}: the portal's procedure catalogue. */
@Command(name = "procedures", mixinStandardHelpOptions = true,
        description = "The national public-service portal's (DVCQG) procedure catalogue (thủ tục hành chính).",
        subcommands = {ProceduresCommand.ListCommand.class, ProceduresCommand.ShowCommand.class})
final class ProceduresCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int fail(CommandLine.Model.CommandSpec spec, GovSdkException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        if (e instanceof InvalidInputException) {
            return GovSdkCommand.USAGE;
        }
        return e instanceof GovServiceException ? GovSdkCommand.NEGATIVE : GovSdkCommand.USAGE;
    }

    /** {@code govsdk procedures list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List procedures (LayDanhSachTTHC).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Option(names = "--limit", defaultValue = "20", description = "how many to show (default: ${DEFAULT-VALUE})")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (limit < 1) {
                spec.commandLine().getErr().println("invalid: --limit must be at least 1");
                return GovSdkCommand.USAGE;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (PortalConnection.Open open = connection.open()) {
                for (ProcedureSummary p : open.client.listProcedures().stream().limit(limit).toList()) {
                    out.println(p.code() + "\t" + p.name() + "\t" + (p.fieldName() == null ? "" : p.fieldName()));
                }
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return fail(spec, e);
            }
        }
    }

    /** {@code govsdk procedures show CODE}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one procedure in full (LayThuTuc).")
    static final class ShowCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Parameters(paramLabel = "CODE", description = "the national procedure code (MaTTHC)")
        String code;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PortalConnection.Open open = connection.open()) {
                Procedure p = open.client.getProcedure(code);
                out.println(p.code() + " " + p.name());
                p.fields().forEach(f -> out.println("  field: " + f.name() + " (" + f.code() + ")"));
                for (Procedure.ChannelOption c : p.channels()) {
                    String label = c.channel().map(ch -> ch.label()).orElse("KENH " + c.rawChannel());
                    for (Procedure.ProcessingTime t : c.times()) {
                        out.println("  channel: " + label + ", " + t.duration() + " " + t.unit());
                        t.fees().forEach(fee -> out.println("    fee: " + fee.rawAmount() + " " + fee.unit()
                                + (fee.description() == null ? "" : " (" + fee.description() + ")")));
                    }
                }
                p.documentGroups().forEach(g -> g.documents().forEach(d -> out.println("  document: " + d.name())));
                p.stepGroups().forEach(g -> g.steps().forEach(s -> out.println("  step: " + s)));
                p.legalBases().forEach(l -> out.println("  legal basis: " + l.number() + " " + l.title()));
                p.agencies().forEach(a -> out.println("  agency: " + a.name()));
                p.results().forEach(r -> out.println("  result: " + r.name()));
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return fail(spec, e);
            }
        }
    }
}
