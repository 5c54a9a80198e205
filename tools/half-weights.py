#!/usr/bin/env python3
# Rewrites a safetensors file with its float32 tensors as float16 (the others as they are), for
# built-in models that do not need float32's range: half the bytes in the repository. The engine
# reads either (weights are converted to the network's dtype when they are applied).
#   tools/half-weights.py IN.safetensors OUT.safetensors
import json
import struct
import sys


def main(source, target):
    with open(source, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    out_header, chunks, offset = {}, [], 0
    for name, entry in header.items():
        if name == "__metadata__":
            out_header[name] = entry
            continue
        begin, end = entry["data_offsets"]
        raw = body[begin:end]
        dtype = entry["dtype"]
        if dtype == "F32":
            values = struct.unpack(f"<{len(raw) // 4}f", raw)
            raw = struct.pack(f"<{len(values)}e", *values)
            dtype = "F16"
        out_header[name] = {"dtype": dtype, "shape": entry["shape"], "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    encoded = json.dumps(out_header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)  # keep the data section 8-byte aligned
    with open(target, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for raw in chunks:
            f.write(raw)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: half-weights.py IN.safetensors OUT.safetensors")
    main(sys.argv[1], sys.argv[2])
