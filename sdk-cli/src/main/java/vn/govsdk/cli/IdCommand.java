package vn.govsdk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.adminunit.AdministrativeUnits;
import vn.govsdk.core.adminunit.FormerProvince;
import vn.govsdk.core.adminunit.Province;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.id.TaxCode;

/** {@code govsdk id}: work with Vietnamese identifiers. */
@Command(name = "id", mixinStandardHelpOptions = true,
        description = "Work with Vietnamese identifiers (citizen ID, legacy ID card number, tax code).",
        subcommands = {IdCommand.Check.class})
final class IdCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code govsdk id check VALUE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Parse and check a citizen ID (CCCD, 12 digits), a legacy ID card number "
                    + "(CMND, 9 digits) or a tax code (MST, 10 digits, or 13 as NNNNNNNNNN-NNN), "
                    + "and print what it encodes.",
                    "Exits 0 when valid, 2 naming the broken rule when not."})
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "VALUE", description = "the identifier to check")
        private String value;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String v = value.trim();
            try {
                if (v.length() == 12 && v.chars().allMatch(Character::isDigit)) {
                    describe(out, CitizenId.of(v));
                } else if (v.length() == 9 && v.chars().allMatch(Character::isDigit)) {
                    LegacyIdNumber.of(v);
                    out.println("Legacy identity card number (CMND) " + v + ": valid (9 digits)");
                    out.println("  it encodes no birth data; the population database still accepts it as SoCMND");
                } else if (v.length() == 10 || v.length() == 14 || v.contains("-")) {
                    describe(out, TaxCode.of(v));
                } else {
                    err.println("invalid: value must be a 12-digit citizen ID (CCCD), a 9-digit legacy ID "
                            + "(CMND) or a tax code of 10 digits or 13 as NNNNNNNNNN-NNN, got "
                            + v.length() + " characters");
                    return GovSdkCommand.USAGE;
                }
                return GovSdkCommand.OK;
            } catch (InvalidInputException e) {
                err.println("invalid: " + e.getMessage());
                return GovSdkCommand.USAGE;
            }
        }

        private static void describe(PrintWriter out, CitizenId id) {
            FormerProvince birth = id.birthProvince();
            Province now = AdministrativeUnits.successorOf(birth);
            out.println("Citizen ID (CCCD, số định danh cá nhân) " + id.value() + ": valid");
            out.println("  birth-registration province: " + padded(birth.code()) + " " + birth.name()
                    + (now.code().equals(birth.code()) && now.name().equals(birth.name())
                            ? "" : " (since 2025-07-01 part of " + now.name() + ", code " + now.code() + ")"));
            out.println("  gender: " + id.gender().name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + id.gender().vietnameseLabel() + ")");
            out.println("  birth year: " + id.birthYear() + " (" + ordinal(id.century()) + " century)");
            out.println("  also the personal tax code (mã số thuế cá nhân) since 1 July 2025");
        }

        private static void describe(PrintWriter out, TaxCode code) {
            out.println("Tax code (mã số thuế) " + code.value() + ": valid");
            switch (code.kind()) {
                case ORGANISATION -> out.println("  kind: organisation (10 digits, check digit correct)");
                case DEPENDENT_UNIT -> out.println("  kind: dependent unit or branch of " + code.headCode()
                        + " (branch " + code.branchSuffix().orElse("?") + "; head code check digit correct)");
                case PERSONAL -> out.println("  kind: personal (a 12-digit citizen ID)");
            }
        }

        private static String padded(String code) {
            return code.length() == 2 ? "0" + code : code;
        }

        private static String ordinal(int n) {
            int mod100 = n % 100;
            String suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
                    : switch (n % 10) {
                        case 1 -> "st";
                        case 2 -> "nd";
                        case 3 -> "rd";
                        default -> "th";
                    };
            return n + suffix;
        }
    }
}
