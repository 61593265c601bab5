print("dinh")
