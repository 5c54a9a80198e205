#!/usr/bin/env python3
# Writes infection_gn_sum.safetensors: an InfectionGN (the paper's layout and names, biases on)
# with seeded random weights, and its sidecar infection_gn_sum.json naming the aggregation,
# for the explain-graph CLI tests. Plain Python: no torch needed.
import json
import random
import struct

SHAPES = [
    ("encoder.edge.W_edge", [4, 2]), ("encoder.edge.bias", [4]),
    ("encoder.node.W_node", [8, 4]), ("encoder.node.bias", [8]),
    ("hidden.edge.W_edge", [8, 4]), ("hidden.edge.W_sender", [8, 8]), ("hidden.edge.bias", [8]),
    ("hidden.node.W_node", [8, 8]), ("hidden.node.W_incoming", [8, 8]), ("hidden.node.bias", [8]),
    ("readout_nodes.W_node", [1, 8]), ("readout_nodes.bias", [1]),
    ("readout_globals.W_node", [1, 8]), ("readout_globals.bias", [1]),
]

rng = random.Random(7)
header, data = {}, b""
for name, shape in SHAPES:
    count = 1
    for d in shape:
        count *= d
    values = [rng.uniform(-0.5, 0.5) for _ in range(count)]
    blob = struct.pack("<%df" % count, *values)
    header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(blob)]}
    data += blob
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
with open("infection_gn_sum.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
with open("infection_gn_sum.json", "w") as f:
    json.dump({"aggregation": "sum"}, f)
    f.write("\n")
