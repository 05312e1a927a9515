import json
import platform

print(json.dumps({"app": "python", "sum": sum(range(10)), "major": platform.python_version_tuple()[0]}))
