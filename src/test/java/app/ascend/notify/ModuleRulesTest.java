package app.ascend.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Which package may use which (docs/modules.md). The main classes only: tests may reach anywhere.
 *
 * <p>Rules marked "fails until the channel-type seam lands" are expected to fail on this branch: today
 * {@code channel.pagerduty} implements {@code delivery.spi} and the core names PagerDuty; the seam
 * ({@code channel.spi} replacing {@code delivery.spi}) removes that. They are left on, not disabled, so
 * the merge of both shows at once whether the seam did.
 */
@AnalyzeClasses(packages = "app.ascend.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {
    private static final String ROOT = "app.ascend.notify";
    private static final String CHANNEL = ROOT + ".channel";
    private static final String CHANNEL_SPI = "spi";

    /** Where a channel type may reach besides its own package (docs/modules.md). */
    private static final List<String> CHANNEL_TYPE_MAY_USE = List.of(
            CHANNEL + ".spi..", ROOT + ".event..", ROOT + ".outbound..", ROOT + ".secret..", ROOT + ".ids..",
            ROOT + ".time..", ROOT + ".web..", ROOT + ".json..", ROOT + ".db..",
            "java..", "javax..", "org.springframework..", "tools.jackson..", "com.fasterxml..", "org.slf4j..",
            "io.micrometer..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching(ROOT + ".(**)").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("each package is a feature or a shared part; a cycle makes two packages one that can "
                    + "only be understood, tested and changed together");

    @ArchTest
    static final ArchRule onlyAChannelTypeUsesItsOwnPackage = classes()
            .should(notDependOnAChannelTypeOtherThanTheirOwn())
            .because("the core reaches a channel type only through channel.spi and Spring's wiring, so adding "
                    + "a channel type touches no other package (Alertmanager's notify/<receiver>/)");

    /** Fails until the channel-type seam lands: channel.pagerduty still uses channel and delivery.spi. */
    @ArchTest
    static final ArchRule aChannelTypeUsesOnlyTheSeamAndSharedParts = classes().that(areInAChannelType())
            .should(onlyDependOnTheirOwnPackageOr(CHANNEL_TYPE_MAY_USE))
            .because("a channel type is a plug-in: it sees events, the channel.spi seam, outbound HTTP, secrets "
                    + "and the shared helpers, so it can be written, reviewed and removed on its own");

    /** Fails until the channel-type seam lands: channel.pagerduty still implements delivery.spi. */
    @ArchTest
    static final ArchRule aChannelTypeUsesNoFeature = noClasses().that(areInAChannelType())
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".routing..", ROOT + ".delivery..",
                    ROOT + ".incident..", ROOT + ".ingest..", ROOT + ".maintenance..", ROOT + ".testalert..",
                    ROOT + ".identity..", ROOT + ".audit..", ROOT + ".console..")
            .because("routing, the outbox, incidents and everything else call a channel type, never the other "
                    + "way round");

    @ArchTest
    static final ArchRule webIsOnlyHttpPlumbing = classes().that().resideInAPackage(ROOT + ".web..")
            .should(onlyDependOnTheirOwnPackageOr(List.of(ROOT + ".ids..", ROOT + ".time..", ROOT + ".json..",
                    ROOT + ".db..")))
            .because("web is the HTTP plumbing every feature uses (problems, field errors, lists, filters), "
                    + "so it can use none of them");

    @ArchTest
    static final ArchRule theEventModelUsesNoFeature = classes().that().resideInAPackage(ROOT + ".event..")
            .should(onlyDependOnTheirOwnPackageOr(List.of(ROOT + ".ids..", ROOT + ".time..", ROOT + ".web..")))
            .because("the event model is shared by ingest, routing, maintenance and every channel type; the "
                    + "ingest use case lives in ingest");

    /**
     * The core names no vendor: only a channel type's package (and the bundled simulator, the vendors'
     * stand-in) may say "PagerDuty", in code, text or comments; a vendor's facts, limits and wording live
     * in its channel type.
     */
    @Test
    void theCoreNamesNoVendor() throws IOException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java");
        Path root = sources.resolve(ROOT.replace('.', '/'));
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (isOutsideTheCore(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).toLowerCase(Locale.ROOT).contains("pagerduty")) {
                        hits.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(hits)
                .as("the core names a vendor (move the text into the channel type's package, or say \"the channel\"); "
                        + hits.size() + " lines")
                .isEmpty();
    }

    /** A channel type's directory and the simulator's (the vendors' stand-ins): everything else is the core. */
    private static boolean isOutsideTheCore(String relative) {
        String[] parts = relative.split("/");
        boolean channelType = parts.length > 2 && parts[0].equals("channel") && !parts[1].equals(CHANNEL_SPI);
        return channelType || parts[0].equals("simulator");
    }

    /** {@code pagerduty} for {@code app.ascend.notify.channel.pagerduty[.sub]}, empty for channel, channel.spi and the rest. */
    private static Optional<String> channelTypeOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(CHANNEL + ".")) {
            return Optional.empty();
        }
        String first = name.substring(CHANNEL.length() + 1).split("\\.")[0];
        return first.equals(CHANNEL_SPI) ? Optional.empty() : Optional.of(first);
    }

    private static DescribedPredicate<JavaClass> areInAChannelType() {
        return DescribedPredicate.describe("are in a channel type (a package under channel other than channel.spi)",
                type -> channelTypeOf(type).isPresent());
    }

    private static ArchCondition<JavaClass> notDependOnAChannelTypeOtherThanTheirOwn() {
        return new ArchCondition<>("not depend on a channel type package other than their own") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = channelTypeOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = channelTypeOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Own package (and its sub-packages) plus {@code allowed}. Where {@code allowed} lists libraries (a
     * channel type's list), every other library is refused too; lists without libraries (web's, event's)
     * constrain only this application's packages.
     */
    private static ArchCondition<JavaClass> onlyDependOnTheirOwnPackageOr(List<String> allowed) {
        boolean listsLibraries = allowed.stream().anyMatch(p -> !p.startsWith(ROOT));
        DescribedPredicate<String> onTheList = PackageMatchers.of(allowed);
        return new ArchCondition<>("only depend on their own package or " + String.join(", ", allowed)) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = channelTypeOf(origin).map(type -> CHANNEL + "." + type).orElse(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String name = target.getPackageName();
                    boolean ownPackage = name.equals(own) || name.startsWith(own + ".");
                    boolean ofThisApplication = name.equals(ROOT) || name.startsWith(ROOT + ".");
                    boolean ok = ownPackage || target.isPrimitive() || onTheList.test(name)
                            || (!ofThisApplication && !listsLibraries);
                    if (!ok) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
