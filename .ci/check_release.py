#!/usr/bin/env python3
"""Checks a directory repository made by `mvn -Prelease deploy` (see .ci/release-check).

Every published module must have its POM and, for jars, the jar, the sources and the Javadoc; each of
those files a GPG signature (.asc) that verifies, and .md5 and .sha1 checksums that match; every POM,
with what it inherits from govsdk-parent, the metadata Maven Central requires (name, description, url,
licence, developer, scm). The examples and benchmarks must not be there. Prints one line per module
and exits 1 on any failure.
"""
import hashlib
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
JARS = ["sdk-core", "sdk-testkit", "sdk-signing", "sdk-identity", "sdk-dataexchange", "sdk-spring-boot-autoconfigure",
        "sdk-spring-boot-starter", "sdk-cli"]
POMS = ["govsdk-parent", "sdk-bom"]
NOT_PUBLISHED = ["examples", "benchmarks", "govsdk-examples", "govsdk-benchmarks"]
REQUIRED = ["name", "description", "url", "licenses/m:license/m:name", "developers/m:developer",
            "scm/m:url", "scm/m:connection"]


def newest(folder: pathlib.Path, suffix: str):
    """The newest deployed file of a SNAPSHOT folder with the given ending (timestamped names)."""
    files = sorted(p for p in folder.iterdir() if p.name.endswith(suffix))
    return files[-1] if files else None


def check_file(f: pathlib.Path, problems: list):
    for algo in ("md5", "sha1"):
        c = f.with_name(f.name + "." + algo)
        if not c.exists():
            problems.append(f"{f.name}: no .{algo}")
        elif c.read_text().split()[0].strip() != hashlib.new(algo, f.read_bytes()).hexdigest():
            problems.append(f"{f.name}: .{algo} does not match")
    asc = f.with_name(f.name + ".asc")
    if not asc.exists():
        problems.append(f"{f.name}: no .asc signature")
        return
    r = subprocess.run(["gpg", "--batch", "--verify", str(asc), str(f)], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{f.name}: signature does not verify: {r.stderr.strip()[:200]}")


def metadata(pom: pathlib.Path, parent: ET.Element, problems: list):
    root = ET.parse(pom).getroot()
    for field in REQUIRED:
        path = "m:" + field
        if root.find(path, NS) is None and (parent is None or parent.find(path, NS) is None):
            problems.append(f"{pom.name}: no <{field.replace('m:', '')}> (nor inherited)")


def main() -> int:
    repo = pathlib.Path(sys.argv[1]) / "vn" / "govsdk"
    failures = 0
    parent_dir = next((p for p in (repo / "govsdk-parent").glob("*") if p.is_dir()), None)
    parent_pom = newest(parent_dir, ".pom") if parent_dir else None
    parent = ET.parse(parent_pom).getroot() if parent_pom else None
    for artifact in JARS + POMS:
        problems = []
        versions = list((repo / artifact).glob("*")) if (repo / artifact).exists() else []
        versions = [v for v in versions if v.is_dir()]
        if not versions:
            print(f"FAIL {artifact}: not published")
            failures += 1
            continue
        folder = versions[0]
        pom = newest(folder, ".pom")
        if pom is None:
            problems.append("no .pom")
        else:
            check_file(pom, problems)
            metadata(pom, None if artifact in ("govsdk-parent", "sdk-bom") else parent, problems)
        if artifact in JARS:
            for suffix in (".jar", "-sources.jar", "-javadoc.jar"):
                candidates = [p for p in folder.iterdir() if p.name.endswith(suffix)
                              and (suffix != ".jar" or not p.name.endswith(("-sources.jar", "-javadoc.jar", "-all.jar")))]
                if not candidates:
                    problems.append(f"no {suffix}")
                else:
                    check_file(sorted(candidates)[-1], problems)
        print(("FAIL " if problems else "ok   ") + artifact + ("" if not problems else ": " + "; ".join(problems)))
        failures += 1 if problems else 0
    for artifact in NOT_PUBLISHED:
        if (repo / artifact).exists():
            print(f"FAIL {artifact}: published, but it must not be")
            failures += 1
    total = len(JARS) + len(POMS)
    print(f"release check: {total - failures} of {total} published modules complete" if failures
          else f"release check: every one of the {total} published modules complete, signed and described")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
