"""Duration and frame size read from the file itself with ffprobe (Debian's ffmpeg), when present.

Without ffprobe the editor's figures stand; a file ffprobe cannot read changes nothing."""

import json
import logging
import shutil
import subprocess

logger = logging.getLogger(__name__)
TIMEOUT = 20


def probe(path):
    """{"duration": seconds, "width": …, "height": …} or {} when unknown."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None or not path:
        return {}
    try:
        completed = subprocess.run(
            [
                ffprobe,
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                str(path),
            ],
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )
        found = json.loads(completed.stdout or b"{}")
    except (OSError, subprocess.SubprocessError, ValueError):
        logger.warning("ffprobe could not read %s", path)
        return {}
    facts = {}
    duration = (found.get("format") or {}).get("duration")
    if duration:
        facts["duration"] = round(float(duration), 2)
    for stream in found.get("streams") or []:
        if stream.get("codec_type") == "video" and stream.get("width"):
            facts["width"], facts["height"] = int(stream["width"]), int(stream["height"])
            break
    return facts
