print("clavard")
