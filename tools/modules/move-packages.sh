#!/usr/bin/env bash
# Moves classes into the packages that say what they are (docs/modules.md), so the package graph has
# no cycles: web.Ids/Sha256 -> ids, web.Rfc3339 -> time, channel.SecretBox/SecretKeyConfig/KeyMask ->
# secret, and the ingest use case out of the event model (event -> ingest).
#
# Mechanical on purpose, so it can be re-run on a tree that changed meanwhile (run from the repository
# root, as often as you like; a second run changes nothing):
#   1. `git mv` each class (and its <Class>Test / <Class>IT, and the listed tests) unless already moved;
#   2. rewrites the package line of every moved file;
#   3. rewrites fully qualified names (imports, static imports, FQNs in code, resources and docs) and
#      doc paths such as `event/EventIngestFuzzIT`, in src/, bench/ and docs/;
#   4. adds the imports that were not needed before: a class left in the old package that names a moved
#      class, and a moved class that names a class left behind (same-package references have no import);
#   5. keeps each block of `import app.ascend.notify...` lines sorted, drops imports of a file's own package.
# Then compile (`./mvnw -B -q -DskipTests verify`): what it cannot do is widen package-private access.
set -euo pipefail

cd "$(git rev-parse --show-toplevel)"
ROOT_PKG=app.ascend.notify
ROOT_DIR=app/ascend/notify
MAIN=src/main/java
TEST=src/test/java

# old-package.Class new-package
MOVES=(
  "web.Ids ids"
  "web.Sha256 ids"
  "web.Rfc3339 time"
  "channel.SecretBox secret"
  "channel.SecretKeyConfig secret"
  "channel.KeyMask secret"
  "event.EventController ingest"
  "event.EventIngestService ingest"
  "event.EventReader ingest"
  "event.EventRepository ingest"
  "event.EventExplainer ingest"
  "event.EventMetrics ingest"
  "event.IngestAdmission ingest"
  "event.IncomingEvent ingest"
  "event.StoredEvent ingest"
  "event.SignInFailureEvents ingest"
)

# Tests of the ingest use case (POST /api/events, its explanation, sign-in failures as events) that are
# not named after one class.
TEST_MOVES=(
  "event.BatchAllOrNothingIT ingest"
  "event.BlankActionIdRefusedIT ingest"
  "event.EventIngestFuzzIT ingest"
  "event.ExplainDecisionsIT ingest"
  "event.IdempotentIngestIT ingest"
  "event.SignInFailureEventIT ingest"
)

# Every "src-root old-pkg Class new-pkg" to move: main classes, their tests, the listed tests.
ALL=()
for m in "${MOVES[@]}"; do
  read -r from to <<<"$m"
  pkg=${from%.*} cls=${from##*.}
  ALL+=("$MAIN $pkg $cls $to")
  for suffix in Test IT; do
    if [[ -e $TEST/$ROOT_DIR/${pkg//.//}/$cls$suffix.java || -e $TEST/$ROOT_DIR/${to//.//}/$cls$suffix.java ]]; then
      ALL+=("$TEST $pkg $cls$suffix $to")
    fi
  done
done
for m in "${TEST_MOVES[@]}"; do
  read -r from to <<<"$m"
  ALL+=("$TEST ${from%.*} ${from##*.} $to")
done

dir_of() { echo "$1/$ROOT_DIR/${2//.//}"; }

# 1 + 2: move, and set the package line.
for m in "${ALL[@]}"; do
  read -r src pkg cls to <<<"$m"
  old="$(dir_of "$src" "$pkg")/$cls.java"
  new="$(dir_of "$src" "$to")/$cls.java"
  if [[ -e $old && -e $new ]]; then
    echo "move-packages: both $old and $new exist; merge them by hand" >&2
    exit 1
  elif [[ -e $old ]]; then
    mkdir -p "$(dirname "$new")"
    git mv "$old" "$new"
    echo "moved $old -> $new"
  elif [[ ! -e $new ]]; then
    echo "move-packages: $old not found (removed meanwhile?), skipped" >&2
    continue
  fi
  sed -i -E "s/^package ${ROOT_PKG//./\\.}\.${pkg//./\\.};/package $ROOT_PKG.$to;/" "$new"
done

# Text files that may name a moved class: sources, the benchmark, resources, docs, the build.
mapfile -t TEXT_FILES < <(git ls-files -co --exclude-standard -- src bench docs pom.xml \
  | grep -E '\.(java|properties|ya?ml|xml|factories|imports|md|json|sql|txt|html|js)$|/META-INF/' || true)

# 3: fully qualified names and doc paths. Perl with \b, so web.IdsFoo is left alone.
subst=""
for m in "${ALL[@]}"; do
  read -r src pkg cls to <<<"$m"
  qp="\\Q$ROOT_PKG.$pkg.$cls\\E"
  subst+="s/\\b$qp\\b/$ROOT_PKG.$to.$cls/g;"
  subst+="s{\\b\\Q$ROOT_DIR/${pkg//.//}/$cls\\E\\b}{$ROOT_DIR/${to//.//}/$cls}g;"
  subst+="s{(?<![\\w/.-])\\Q${pkg//.//}/$cls\\E\\b}{${to//.//}/$cls}g;"
done
if ((${#TEXT_FILES[@]})); then
  perl -pi -e "$subst" "${TEXT_FILES[@]}"
fi

# 4: imports that same-package references never needed. One perl pass per Java file, given the moves
# as "oldpkg cls newpkg src-root" lines and the classes still in each old package.
moves_file=$(mktemp)
left_file=$(mktemp)
trap 'rm -f "$moves_file" "$left_file"' EXIT
declare -A OLD_PKGS=()
for m in "${ALL[@]}"; do
  read -r src pkg cls to <<<"$m"
  echo "$pkg $cls $to $src" >>"$moves_file"
  OLD_PKGS[$pkg]=1
done
for pkg in "${!OLD_PKGS[@]}"; do
  for src in "$MAIN" "$TEST"; do
    d=$(dir_of "$src" "$pkg")
    [[ -d $d ]] || continue
    for f in "$d"/*.java; do
      [[ -e $f ]] || continue
      c=$(basename "$f" .java)
      [[ $c == package-info ]] && continue
      echo "$pkg $c $src" >>"$left_file"
    done
  done
done

mapfile -t JAVA_FILES < <(git ls-files -co --exclude-standard -- "$MAIN" "$TEST" bench | grep -E '\.java$' || true)
MOVES_FILE=$moves_file LEFT_FILE=$left_file ROOT_PKG=$ROOT_PKG MAIN=$MAIN perl -e '
use strict; use warnings;
my $root = $ENV{ROOT_PKG};
my (@moves, %left);
open my $mf, "<", $ENV{MOVES_FILE} or die; while (<$mf>) { chomp; push @moves, [split / /]; } close $mf;
open my $lf, "<", $ENV{LEFT_FILE} or die; while (<$lf>) { chomp; my ($p, $c, $s) = split / /; push @{$left{$p}}, [$c, $s]; } close $lf;

for my $file (@ARGV) {
    open my $in, "<", $file or die "$file: $!"; local $/; my $text = <$in>; close $in;
    my $orig = $text;
    my ($pkg) = $text =~ /^package\s+\Q$root\E\.([\w.]+)\s*;/m;
    my $is_test = index($file, $ENV{MAIN}) != 0;
    # The code without package and import lines, string literals and comments (a word such as
    # "Channel" in prose is no reference), plus the classes javadoc links name, which need an import too.
    (my $body = $text) =~ s/^\s*(?:package|import)\s[^\n]*\n//mg;
    my @doc_refs = $body =~ /(?:\{\@link(?:plain)?|\@throws|\@see)\s+([A-Z]\w*)/g;
    $body =~ s{"(?:\\.|[^"\\\n])*"}{""}g;
    $body =~ s{//[^\n]*}{}g;
    $body =~ s{/\*.*?\*/}{}gs;
    $body .= " @doc_refs";
    my %imported = map { $_ => 1 } $text =~ /^import\s+(?:static\s+)?[\w.]+\.(\w+)\s*;/mg;
    my @add;
    my $mentions = sub { my $c = shift; return $body =~ /(?<![\w.])\Q$c\E\b/; };
    for my $m (@moves) {
        my ($old, $cls, $new, $src) = @$m;
        next if $src ne $ENV{MAIN} && !$is_test;           # a test class is visible to tests only
        my $wild = $text =~ /^import\s+\Q$root.$old\E\.\*\s*;/m;
        # a file left in the old package (or importing it wholesale) that names a moved class
        if (defined $pkg && ($pkg eq $old || $wild) && $pkg ne $new && !$imported{$cls} && $mentions->($cls)) {
            push @add, "$root.$new.$cls"; $imported{$cls} = 1;
        }
    }
    # a moved file that names a class left in its old package
    my %moved_here = map { ($_->[1] => $_) } grep { defined $pkg && $_->[2] eq $pkg } @moves;
    my ($cls_of_file) = $file =~ m{(\w+)\.java$};
    if (my $m = $moved_here{$cls_of_file}) {
        my $old = $m->[0];
        for my $l (@{$left{$old} || []}) {
            my ($c, $s) = @$l;
            next if $s ne $ENV{MAIN} && !$is_test;
            next if $imported{$c} || $moved_here{$c};
            if ($mentions->($c)) { push @add, "$root.$old.$c"; $imported{$c} = 1; }
        }
    }
    if (@add) {
        my @lines = split /\n/, $text, -1;
        my @app = grep { $lines[$_] =~ /^import\s+\Q$root\E\./ } 0..$#lines;
        my @new_lines = map { "import $_;" } @add;
        if (@app) {
            splice @lines, $app[-1] + 1, 0, @new_lines;
        } else {
            # a new group after the java/javax/org groups, before the others (the code base s order)
            my @imp = grep { $lines[$_] =~ /^import\s/ } 0..$#lines;
            my $at;
            if (!@imp) {
                my ($p) = grep { $lines[$_] =~ /^package\s/ } 0..$#lines;
                splice @lines, $p + 1, 0, "", @new_lines;
            } else {
                my @early = grep { $lines[$_] =~ /^import\s+(?:static\s+)?(?:java|javax|org)\./ } @imp;
                if (@early) {
                    splice @lines, $early[-1] + 1, 0, "", @new_lines;
                } else {
                    splice @lines, $imp[0], 0, @new_lines, "";
                }
            }
        }
        $text = join "\n", @lines;
    }
    # 5: in the files the moves concern only (others are left as their authors wrote them): own-package
    # imports out, each run of app imports sorted.
    my $concerned = @add || grep { $text =~ /\Q$root.$_->[2].$_->[1]\E\b/ || ($file =~ m{/\Q$_->[1]\E\.java$} && defined $pkg && $pkg eq $_->[2]) } @moves;
    next unless $concerned;
    if (defined $pkg) {
        $text =~ s/^import\s+\Q$root.$pkg\E\.\w+\s*;\n//mg;
    }
    $text =~ s{((?:^import\s+\Q$root\E\.[\w.]+\s*;\n)+)}{join "", sort split /(?<=\n)/, $1}mge;
    if ($text ne $orig) {
        open my $out, ">", $file or die "$file: $!"; print $out $text; close $out;
        print "imports $file\n";
    }
}
' "${JAVA_FILES[@]}"

# Directories a move emptied.
for pkg in "${!OLD_PKGS[@]}"; do
  for src in "$MAIN" "$TEST"; do
    d=$(dir_of "$src" "$pkg")
    [[ -d $d ]] && rmdir --ignore-fail-on-non-empty "$d"
  done
done
echo "move-packages: done"
