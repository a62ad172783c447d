"""From the paths a person names to activities: files, folders, Strava export zips.

Every file is checked by type and size before a byte is read: a FIFO or a device would block
or never end, and an activity file is never hundreds of megabytes. A file that is not an
activity becomes one problem line naming it; the rest still import.
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
from runstrong.activities.model import Activity, NotAnActivity, is_running
from runstrong.activities.strava import read_activities_csv

MAX_FILE_BYTES = 64 * 1024 * 1024  # one activity file, or activities.csv
MAX_ARCHIVE_BYTES = 8 * 1024 * 1024 * 1024  # a Strava export with years of photos
ACTIVITY_ENDINGS = (".gpx", ".gpx.gz", ".fit", ".fit.gz")
STRAVA_CSV = "activities.csv"


@dataclass(slots=True)
class Collected:
    runs: list[Activity] = field(default_factory=list)
    not_runs: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    ignored_files: int = 0

    def add(self, activities: Iterable[Activity]) -> None:
        for activity in activities:
            if is_running(activity.sport):
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
    if lower.endswith(".csv"):
        return read_activities_csv(_text(data)).activities
    raise NotAnActivity(
        "not an activity file (expected .gpx, .fit, .fit.gz, a Strava "
        "activities.csv or a Strava export .zip)"
    )


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnActivity("not UTF-8 text") from None


def _is_activity_name(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_ENDINGS)


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
        self.found.add(export.activities)
        self.found.problems.extend(f"{label}: {p}" for p in export.problems)
        self.listed.update(
            posixpath.normpath(posixpath.join(folder, f)) for f in export.listed_files
        )

    def activity_file(self, label: str, data: bytes) -> None:
        try:
            self.found.add(read_activity(label, data))
        except NotAnActivity as problem:
            self.found.problems.append(f"{label}: {problem}")

    def path(self, path: Path) -> None:
        try:
            info = path.stat()
        except OSError as error:
            self.found.problems.append(f"{path}: cannot be read ({error.strerror or error})")
            return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path)
        elif str(path.resolve()) in self.listed:
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
            self.csv_file(str(path), data, str(path.parent.resolve()))
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
            elif str(path.resolve()) not in self.listed:
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
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error) as error:
            self.found.problems.append(f"{path}: not a readable zip file ({error})")

    def _members(self, path: Path, archive: zipfile.ZipFile) -> None:
        members = [m for m in archive.infolist() if not m.is_dir()]
        csvs = [m for m in members if posixpath.basename(m.filename).lower() == STRAVA_CSV]
        for member in csvs:
            data = self._member(path, archive, member)
            if data is not None:
                self.csv_file(f"{path}:{member.filename}", data, posixpath.dirname(member.filename))
        for member in members:
            name = posixpath.normpath(member.filename)
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
        with archive.open(member) as stream:
            return stream.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]


def collect(paths: Sequence[Path]) -> Collected:
    """Every activity in `paths` (files, folders, zips), runs and others apart."""
    importer = _Importer()
    # Strava's csv first wherever it is named, so the activity files it lists are skipped.
    ordered = sorted(paths, key=lambda p: p.name.lower() != STRAVA_CSV)
    for path in ordered:
        importer.path(path)
    return importer.found
