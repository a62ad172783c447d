"""From the paths a person names to activities: files, folders, Strava export zips.

Every file is checked by type and size before a byte is read: a FIFO or a device would block
or never end, and an activity file is never hundreds of megabytes. A file that is not an
activity, is damaged, or holds values no run can have (see `model.out_of_range`) becomes one
problem line naming it and why; the rest still import. A zip is read within caps on its
members and their total size, so a zip bomb is refused with a message rather than unpacked.
"""

from __future__ import annotations

import gzip
import io
import os
import posixpath
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from runstrong.activities.fit import read_fit
from runstrong.activities.gpx import read_gpx
from runstrong.activities.model import Activity, NotAnActivity, is_running, out_of_range
from runstrong.activities.strava import read_activities_csv
from runstrong.activities.tcx import read_tcx

MAX_FILE_BYTES = 64 * 1024 * 1024  # one activity file, or activities.csv
MAX_ARCHIVE_BYTES = 8 * 1024 * 1024 * 1024  # a Strava export with years of photos
MAX_ARCHIVE_UNPACKED = 2 * 1024 * 1024 * 1024  # what its members add up to, once unpacked
MAX_ARCHIVE_MEMBERS = 100_000
ACTIVITY_ENDINGS = (".gpx", ".gpx.gz", ".fit", ".fit.gz", ".tcx", ".tcx.gz")
STRAVA_CSV = "activities.csv"


@dataclass(slots=True)
class Collected:
    runs: list[Activity] = field(default_factory=list)
    not_runs: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    ignored_files: int = 0

    def add(self, label: str, activities: Iterable[Activity]) -> None:
        for activity in activities:
            wrong = out_of_range(activity)
            if wrong is not None:
                self.problems.append(f"{label}: {wrong}; skipped")
            elif is_running(activity.sport):
                self.runs.append(activity)
            else:
                self.not_runs[activity.sport] += 1


class _Refused(Exception):
    pass


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _open_regular(path: Path, cap: int) -> int:
    """A descriptor for `path` once it is known to be a regular file under `cap` bytes.

    O_NONBLOCK makes opening a FIFO return at once; fstat on the open descriptor then
    checks the very file that will be read (no swap between a check and the open).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise _Refused(f"cannot be read ({error.strerror or error})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _Refused("is not a regular file (a pipe, socket or device); not read")
    if info.st_size > cap:
        os.close(fd)
        raise _Refused(f"is {_megabytes(info.st_size)}; files over {_megabytes(cap)} are not read")
    return fd


def _read_regular(path: Path) -> bytes:
    fd = _open_regular(path, MAX_FILE_BYTES)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise NotAnActivity(f"not a readable .gz file ({error})") from None
    if len(inflated) > MAX_FILE_BYTES:
        raise NotAnActivity(f"more than {_megabytes(MAX_FILE_BYTES)} once decompressed")
    return inflated


def read_activity(name: str, data: bytes) -> list[Activity]:
    """The activities in one file's bytes; `name` only picks the format."""
    lower = name.lower()
    if lower.endswith(".gz"):
        data, lower = _gunzip(data), lower.removesuffix(".gz")
    if lower.endswith(".fit") or data[8:12] == b".FIT":
        return read_fit(data)
    if lower.endswith(".gpx") or b"<gpx" in data[:4096]:
        return [read_gpx(data, "Run")]
    if lower.endswith(".tcx") or b"<TrainingCenterDatabase" in data[:4096]:
        return read_tcx(data)
    if lower.endswith(".csv"):
        return read_activities_csv(_text(data)).activities
    raise NotAnActivity(
        "not an activity file (expected .gpx, .fit, .tcx, the same .gz, a Strava "
        "activities.csv or a Strava export .zip)"
    )


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnActivity("not UTF-8 text") from None


def _is_activity_name(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_ENDINGS)


def _resolved(path: Path) -> str:
    """The real path of `path` (to match a csv's listed files), or `path` itself when it
    cannot be resolved (a symlink loop raises RuntimeError on Python 3.11 and 3.12)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path)


class _Importer:
    def __init__(self) -> None:
        self.found = Collected()
        # Files a Strava activities.csv already stands for, so they are not counted twice.
        self.listed: set[str] = set()

    def csv_file(self, label: str, data: bytes, folder: str) -> None:
        try:
            export = read_activities_csv(_text(data))
        except NotAnActivity as problem:
            self.found.problems.append(f"{label}: {problem}")
            return
        self.found.add(label, export.activities)
        self.found.problems.extend(f"{label}: {p}" for p in export.problems)
        self.listed.update(
            posixpath.normpath(posixpath.join(folder, f)) for f in export.listed_files
        )

    def activity_file(self, label: str, data: bytes) -> None:
        try:
            self.found.add(label, read_activity(label, data))
        except NotAnActivity as problem:
            self.found.problems.append(f"{label}: {problem}")
        except Exception as error:
            # The readers turn every failure they know into NotAnActivity; anything else
            # from a parser is still one damaged file, never the end of the whole import.
            self.found.problems.append(
                f"{label}: could not be read ({type(error).__name__}: {error}); skipped"
            )

    def path(self, path: Path) -> None:
        try:
            info = path.stat()
        except OSError as error:
            self.found.problems.append(f"{path}: cannot be read ({error.strerror or error})")
            return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path)
        elif _resolved(path) in self.listed:
            return
        elif path.name.lower().endswith(".zip"):
            self.archive(path)
        else:
            self.single(path, path.name.lower() == STRAVA_CSV or path.suffix.lower() == ".csv")

    def single(self, path: Path, is_csv: bool) -> None:
        try:
            data = _read_regular(path)
        except _Refused as refused:
            self.found.problems.append(f"{path}: {refused}")
            return
        if is_csv:
            self.csv_file(str(path), data, _resolved(path.parent))
        elif data[:4] == b"PK\x03\x04":
            self.archive(path)
        else:
            self.activity_file(str(path), data)

    def folder(self, root: Path) -> None:
        files: list[Path] = []
        for folder, subfolders, names in os.walk(root):
            subfolders.sort()
            files.extend(Path(folder) / n for n in sorted(names))
        csvs = [f for f in files if f.name.lower() == STRAVA_CSV]
        for path in csvs:
            self.single(path, is_csv=True)
        for path in files:
            if path in csvs:
                continue
            if not (_is_activity_name(path.name) or path.name.lower().endswith(".zip")):
                self.found.ignored_files += 1
            elif _resolved(path) not in self.listed:
                self.path(path)

    def archive(self, path: Path) -> None:
        try:
            fd = _open_regular(path, MAX_ARCHIVE_BYTES)
        except _Refused as refused:
            self.found.problems.append(f"{path}: {refused}")
            return
        try:
            with os.fdopen(fd, "rb") as handle, zipfile.ZipFile(handle) as archive:
                self._members(path, archive)
        except _Refused as refused:
            self.found.problems.append(f"{path}: {refused}")
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            zlib.error,
            NotImplementedError,  # "zip file version 24.3": a damaged or unsupported header
        ) as error:
            self.found.problems.append(f"{path}: not a readable zip file ({error})")

    def _members(self, path: Path, archive: zipfile.ZipFile) -> None:
        listed = archive.infolist()
        # A damaged directory can give a member no name at all (ZipInfo.is_dir then raises).
        if any(not m.filename for m in listed):
            self.found.problems.append(f"{path}: a member without a name was skipped")
        members = [m for m in listed if m.filename and not m.is_dir()]
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise _Refused(
                f"holds {len(members):,} files; a zip of more than "
                f"{MAX_ARCHIVE_MEMBERS:,} is not read"
            )
        unpacked = sum(m.file_size for m in members)
        if unpacked > MAX_ARCHIVE_UNPACKED:
            raise _Refused(
                f"would unpack to {_megabytes(unpacked)}; a zip of more than "
                f"{_megabytes(MAX_ARCHIVE_UNPACKED)} unpacked is not read"
            )
        csvs = [m for m in members if posixpath.basename(m.filename).lower() == STRAVA_CSV]
        for member in csvs:
            data = self._member(path, archive, member)
            if data is not None:
                self.csv_file(f"{path}:{member.filename}", data, posixpath.dirname(member.filename))
        for member in members:
            name = posixpath.normpath(member.filename)
            if name.lower().endswith(".zip"):
                self.found.problems.append(
                    f"{path}:{member.filename}: a zip inside a zip is not read; "
                    "unpack it and import it on its own"
                )
                continue
            if member in csvs or not _is_activity_name(name) or name in self.listed:
                continue
            data = self._member(path, archive, member)
            if data is not None:
                self.activity_file(f"{path}:{member.filename}", data)

    def _member(
        self, path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo
    ) -> bytes | None:
        label = f"{path}:{member.filename}"
        if member.file_size > MAX_FILE_BYTES:
            self.found.problems.append(
                f"{label}: is {_megabytes(member.file_size)}; files "
                f"over {_megabytes(MAX_FILE_BYTES)} are not read"
            )
            return None
        try:
            with archive.open(member) as stream:
                # The header's size may lie: never read past the cap whatever it says.
                return stream.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]
        except Exception as error:
            # Encrypted members (RuntimeError), compression methods zipfile lacks
            # (NotImplementedError), damaged data (BadZipFile, zlib.error, LZMAError,
            # EOFError): this member is skipped, the others are still read.
            reason = "is encrypted" if member.flag_bits & 0x1 else "could not be unpacked"
            self.found.problems.append(
                f"{label}: {reason} ({type(error).__name__}: {error}); skipped"
            )
            return None


def collect(paths: Sequence[Path]) -> Collected:
    """Every activity in `paths` (files, folders, zips), runs and others apart."""
    importer = _Importer()
    # Strava's csv first wherever it is named, so the activity files it lists are skipped.
    ordered = sorted(paths, key=lambda p: p.name.lower() != STRAVA_CSV)
    for path in ordered:
        importer.path(path)
    return importer.found
