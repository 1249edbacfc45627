import Foundation
print("newsreader: skeleton")
